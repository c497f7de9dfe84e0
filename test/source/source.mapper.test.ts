import { toAdminUnit } from '../../src/geography/geography.mapper';
import { toOrganization } from '../../src/organization/organization.mapper';
import { toProvenance } from '../../src/source/source.mapper';

// Provenance (and a unit's centre) are stored as JSON and parsed only when a query reads them, so a row whose
// stored JSON is broken maps fine and fails only where the field is asked for.
describe('provenance and centre are read when asked for', () => {
  const quote = JSON.stringify([{ source: 'doc-1', quote: 'Hai bên ký kết' }, { source: 'ext-ror', note: 'ROR record' }]);

  test('an organisation maps without parsing its provenance, and reading it gives the stored list', () => {
    const broken = toOrganization({ id: 'org-1', kind: 'UNIVERSITY', name: 'A', provenance: '{not json' });
    expect(broken.id).toBe('org-1');
    expect(() => broken.provenance).toThrow(SyntaxError);
    const org = toOrganization({ id: 'org-2', kind: 'UNIVERSITY', name: 'B', provenance: quote });
    expect(org.provenance).toEqual([
      { sourceId: 'doc-1', quote: 'Hai bên ký kết', note: null },
      { sourceId: 'ext-ror', quote: null, note: 'ROR record' },
    ]);
    expect({ ...org }.provenance).toEqual(org.provenance);
  });

  test('a unit maps without parsing its centre or provenance', () => {
    const broken = toAdminUnit({ id: 'prov-x', level: 'PROVINCE', name: 'X', centre: '{', provenance: '[' });
    expect(broken.name).toBe('X');
    expect(() => broken.centre).toThrow(SyntaxError);
    expect(() => broken.provenance).toThrow(SyntaxError);
    const centre = { latitude: 21.03, longitude: 105.85, point: 'seat', source: 'ext-geonames', reference: 'https://www.geonames.org/1581130' };
    const unit = toAdminUnit({ id: 'prov-y', level: 'PROVINCE', name: 'Y', centre: JSON.stringify(centre), provenance: quote });
    expect(unit.centre).toEqual({ latitude: 21.03, longitude: 105.85, point: 'seat', sourceId: 'ext-geonames', reference: centre.reference });
    expect(unit.provenance).toHaveLength(2);
    expect(toAdminUnit({ id: 'prov-z', level: 'PROVINCE', name: 'Z' }).centre).toBeNull();
  });

  test('no stored provenance reads as an empty list', () => {
    expect(toProvenance(undefined)).toEqual([]);
    expect(toOrganization({ id: 'org-3', kind: 'COMPANY', name: 'C' }).provenance).toEqual([]);
  });
});
