import { describe, expect, it } from 'vitest';
import { canonicalIdentifier } from './epc-digital-link.js';
import { inEpcFormat, urnOf } from './epc-format.js';

// GS1-EPC-Format: Digital Links back to EPC URNs where the company prefix is known (GS1 Tag Data Standard 2.1).

const GCPS = new Set(['0614141', '4012345']);

describe('urnOf', () => {
  it('turns each GS1 key’s Digital Link back into the URN it came from', () => {
    const urns = [
      'urn:epc:id:sgtin:0614141.107346.2017',
      'urn:epc:id:sgtin:0614141.107346.ab%2Fc',
      'urn:epc:class:lgtin:4012345.012345.998877',
      'urn:epc:idpat:sgtin:4012345.012345.*',
      'urn:epc:id:sscc:0614141.1234567890',
      'urn:epc:id:sgln:0614141.12345.400',
      'urn:epc:id:sgln:0614141.12345.0',
      'urn:epc:id:pgln:0614141.12345',
      'urn:epc:id:grai:0614141.12345.400',
      'urn:epc:id:giai:4012345.0A1B',
      'urn:epc:id:gsrn:4012345.0000012345',
      'urn:epc:id:gdti:0614141.12345.400',
    ];
    for (const urn of urns) {
      const dl = canonicalIdentifier(urn);
      expect(dl, urn).toMatch(/^https:\/\/id\.gs1\.org\//);
      expect(urnOf(dl, GCPS), dl).toBe(urn);
      // Any host's Digital Link names the same object.
      expect(urnOf(dl.replace('https://id.gs1.org', 'https://trace.example.cn/x'), GCPS)).toBe(urn);
    }
  });

  it('gives no URN without a prefix that splits the key, nor for what is no GS1 key', () => {
    expect(urnOf('https://id.gs1.org/01/09506000134352/21/7', GCPS)).toBeNull();
    expect(urnOf('https://id.gs1.org/01/09506000134352/21/7', new Set(['950600']))).toBe('urn:epc:id:sgtin:950600.0013435.7');
    expect(urnOf('https://tracenet.example/t/37078300000000000012', GCPS)).toBeNull();
    expect(urnOf('https://id.gs1.org/01/10614141073464/21/7', new Set())).toBeNull();
  });
});

describe('inEpcFormat', () => {
  const event = {
    type: 'ObjectEvent',
    epcList: ['https://id.gs1.org/01/10614141073464/21/7', 'urn:epc:id:sgtin:0614141.107346.8', 'https://tracenet.example/t/37078300000000000012'],
    quantityList: [{ epcClass: 'https://id.gs1.org/01/14012345123453/10/L1', quantity: 2, uom: 'KGM' }],
    readPoint: { id: 'https://id.gs1.org/414/0614141123452' },
  };

  it('Always_EPC_URN: every GS1 key as a URN; a Tracenet URI has no other form', () => {
    const { event: out, complete } = inEpcFormat(event, 'Always_EPC_URN', GCPS);
    expect(complete).toBe(true);
    expect(out.epcList).toEqual(['urn:epc:id:sgtin:0614141.107346.7', 'urn:epc:id:sgtin:0614141.107346.8', 'https://tracenet.example/t/37078300000000000012']);
    expect(out.quantityList).toEqual([{ epcClass: 'urn:epc:class:lgtin:4012345.112345.L1', quantity: 2, uom: 'KGM' }]);
    expect(out.readPoint).toEqual({ id: 'urn:epc:id:sgln:0614141.12345.0' });
  });

  it('Always_EPC_URN with a prefix not known: the Digital Link stays and the answer is not complete', () => {
    const { event: out, complete } = inEpcFormat(event, 'Always_EPC_URN', new Set(['0614141']));
    expect(complete).toBe(false);
    expect((out.quantityList as { epcClass: string }[])[0]!.epcClass).toBe('https://id.gs1.org/01/14012345123453/10/L1');
  });

  it('Always_GS1_Digital_Link: URNs as canonical Digital Links; No_Preference: as captured', () => {
    expect(inEpcFormat(event, 'Always_GS1_Digital_Link').event.epcList).toEqual([
      'https://id.gs1.org/01/10614141073464/21/7',
      'https://id.gs1.org/01/10614141073464/21/8',
      'https://tracenet.example/t/37078300000000000012',
    ]);
    expect(inEpcFormat(event, 'No_Preference').event).toBe(event);
  });
});
