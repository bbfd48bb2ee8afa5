import { avatarPath } from '@marquee/contracts/artwork';

interface ProfileAvatarProps {
  /** The avatar key (`Profile.avatar`). */
  avatar: string;
  /** Rendered size in CSS pixels (the SVG is sharp at any size). */
  size: number;
  className?: string;
}

/** A profile's avatar image, decorative: the profile's name is always written next to it. */
export function ProfileAvatar({ avatar, size, className }: ProfileAvatarProps) {
  return <img className={`profile-avatar${className ? ` ${className}` : ''}`} src={avatarPath(avatar)} alt="" width={size} height={size} decoding="async" draggable={false} />;
}
