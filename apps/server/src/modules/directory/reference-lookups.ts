import { NAF_LEVELS } from '@meute/domain';
import {
  getCommune,
  getDepartement,
  getEpci,
  getNafNode,
  getNafPath,
  getRegion,
} from '../../reference/reference.ts';

/** What the directory needs of the reference data (communes, NAF), as plain lookups. */
export interface CommuneInfo {
  code: string;
  name: string;
  departement: { code: string; name: string };
  region: { code: string; name: string };
  epci: { code: string; name: string } | null;
  point: { lon: number; lat: number } | null;
}

export interface ReferenceLookups {
  commune(code: string): CommuneInfo | null;
  nafLabel(code: string): string | null;
  nafPath(code: string): { level: string; code: string; label: string }[];
  nafSectionOfDivision(division: string): { code: string; label: string } | null;
  nafDivisionsOfSection(section: string): string[];
  departementName(code: string): string | null;
  territoryLabel(kind: 'region' | 'departement' | 'epci' | 'commune', code: string): string | null;
}

let lookups: ReferenceLookups | undefined;

/** The lookups over the reference data of apps/server/src/reference, loaded once. */
export function referenceLookups(): ReferenceLookups {
  lookups ??= {
    commune(code) {
      const commune = getCommune(code);
      if (!commune) return null;
      return {
        code: commune.code,
        name: commune.name,
        departement: commune.departement,
        region: commune.region,
        epci: commune.epci,
        point: commune.point,
      };
    },
    nafLabel: (code) => getNafNode(code)?.label ?? null,
    nafPath(code) {
      const path = getNafPath(code);
      if (!path) return [];
      return NAF_LEVELS.flatMap((level) => {
        const ref = path[level];
        return ref ? [{ level, code: ref.code, label: ref.label }] : [];
      });
    },
    nafSectionOfDivision(division) {
      const section = getNafPath(division)?.section;
      return section ? { code: section.code, label: section.label } : null;
    },
    nafDivisionsOfSection: (section) => getNafNode(section)?.children ?? [],
    departementName: (code) => getDepartement(code)?.name ?? null,
    territoryLabel(kind, code) {
      switch (kind) {
        case 'region':
          return getRegion(code)?.name ?? null;
        case 'departement':
          return getDepartement(code)?.name ?? null;
        case 'epci':
          return getEpci(code)?.name ?? null;
        case 'commune':
          return getCommune(code)?.name ?? null;
      }
    },
  };
  return lookups;
}
