/** Told to the owner when this page came over plain HTTP at an address other than localhost. */
export function InsecureTransportNotice() {
  return (
    <div className="settings-warning" role="note">
      <p>
        <strong>This page was served without encryption (plain HTTP).</strong> Passwords and sign-in cookies cross your network in the clear. Sign-in
        keeps working here; for anything beyond a trusted home network, put Marquee behind HTTPS (a reverse proxy with TLS, and set TRUST_PROXY).
      </p>
    </div>
  );
}
