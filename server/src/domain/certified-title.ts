import type { Title } from '@marquee/contracts';

/** A title as the catalog has it now, with its US certification (null when unknown): what a list needs to honour a maturity limit. */
export interface CertifiedTitle {
  title: Title;
  certification: string | null;
}
