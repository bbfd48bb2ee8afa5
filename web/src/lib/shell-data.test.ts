import { describe, expect, it } from 'vitest';
import { readShellData } from './shell-data';

function documentWith(json: string | null): Document {
  const doc = document.implementation.createHTMLDocument('shell');
  if (json !== null) {
    const script = doc.createElement('script');
    script.id = 'shell-data';
    script.type = 'application/json';
    script.textContent = json;
    doc.body.append(script);
  }
  return doc;
}

describe('readShellData', () => {
  it('reads the catalog notice and the featured title the server put into the shell', () => {
    const catalog = { source: 'embedded', attribution: 'Offline sample catalog.' };
    const featured = { id: 13, media_type: 'tv', title: 'The Simpsons' };
    expect(readShellData(documentWith(JSON.stringify({ catalog, featured, hero: false })))).toEqual({ catalog, featured });
    expect(readShellData(documentWith(JSON.stringify({ catalog, featured, hero: true })))).toEqual({ catalog, featured, hero: true });
  });

  it('reads the maturity level the featured title was chosen for, and ignores one it does not know', () => {
    const featured = { id: 13, media_type: 'tv', title: 'Bluey' };
    expect(readShellData(documentWith(JSON.stringify({ featured, level: 'little_kids' })))).toEqual({ featured, level: 'little_kids' });
    expect(readShellData(documentWith(JSON.stringify({ featured, level: 'adults' })))).toEqual({ featured });
  });

  it('gives nothing for a missing, broken or empty shell', () => {
    expect(readShellData(documentWith(null))).toEqual({});
    expect(readShellData(documentWith('{"catalog":'))).toEqual({});
    expect(readShellData(documentWith('{"catalog":null,"featured":null}'))).toEqual({});
  });
});
