import { useTranslation } from 'react-i18next';
import { useFranceShapes, useWidthOnScreen, viewAround } from '../directory/directory-map.tsx';
import { isInFrame, project, UNITS_PER_KM } from '../directory/france-map.ts';

interface LonLat {
  lon: number;
  lat: number;
}

/**
 * The place of performance, the distance limit around it and the proposed companies, on the map
 * of France the directory draws (no tile server). The list beside it says the same in words.
 */
export function TenderMap({
  place,
  maxDistanceKm,
  members,
}: {
  place: LonLat | null;
  maxDistanceKm: number | null;
  members: { organisationId: string; name: string; point: LonLat | null; distanceKm: number }[];
}) {
  const { t } = useTranslation();
  const { shapes, failed } = useFranceShapes();
  const { ref, width } = useWidthOnScreen();
  const located = members.flatMap((member) =>
    member.point && isInFrame(member.point.lon, member.point.lat)
      ? [{ ...member, xy: project(member.point.lon, member.point.lat) }]
      : [],
  );
  if (failed || (!place && located.length === 0)) return null;
  const centre = place ? project(place.lon, place.lat) : null;
  const radius = centre && maxDistanceKm ? maxDistanceKm * UNITS_PER_KM : 0;
  const view = viewAround([
    ...located.map((m) => ({ x: m.xy[0], y: m.xy[1] })),
    ...(centre ? [{ x: centre[0], y: centre[1], r: radius }] : []),
  ]);
  const unitsPerPixel = view.width / width;
  const summary = [
    place ? t('tenders.map.place') : null,
    maxDistanceKm ? t('tenders.map.limit', { km: maxDistanceKm }) : null,
    ...located.map((m) => t('tenders.map.member', { name: m.name, km: Math.round(m.distanceKm) })),
  ]
    .filter(Boolean)
    .join(' ; ');
  return (
    <figure className="tender-map">
      <svg
        ref={ref}
        className="map-svg"
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        role="img"
        aria-label={summary}
      >
        {shapes ? (
          <>
            <g className="map-departements">
              {shapes.departements.map((shape) => (
                <path key={shape.code} d={shape.path} />
              ))}
            </g>
            <g className="map-regions">
              {shapes.regions.map((shape) => (
                <path key={shape.code} d={shape.path} />
              ))}
            </g>
          </>
        ) : null}
        {centre && radius > 0 ? (
          <circle cx={centre[0]} cy={centre[1]} r={radius} className="map-near-ring" />
        ) : null}
        {located.map((member) => (
          <g key={member.organisationId} className="tender-map-member">
            <circle cx={member.xy[0]} cy={member.xy[1]} r={6 * unitsPerPixel} />
            <text
              x={member.xy[0] + 9 * unitsPerPixel}
              y={member.xy[1]}
              dy="0.35em"
              style={{ fontSize: `${12 * unitsPerPixel}px` }}
            >
              {member.name}
            </text>
          </g>
        ))}
        {centre ? (
          <g className="tender-map-place">
            <rect
              x={centre[0] - 6 * unitsPerPixel}
              y={centre[1] - 6 * unitsPerPixel}
              width={12 * unitsPerPixel}
              height={12 * unitsPerPixel}
              transform={`rotate(45 ${centre[0]} ${centre[1]})`}
            />
          </g>
        ) : null}
      </svg>
      <figcaption className="muted small">
        <span className="tender-map-key tender-map-key-place" aria-hidden="true" /> {t('tenders.map.place')}
        {maxDistanceKm ? (
          <>
            {' · '}
            <span className="tender-map-key tender-map-key-ring" aria-hidden="true" />{' '}
            {t('tenders.map.limit', { km: maxDistanceKm })}
          </>
        ) : null}
        {' · '}
        <span className="tender-map-key tender-map-key-member" aria-hidden="true" />{' '}
        {t('tenders.map.members')}
      </figcaption>
    </figure>
  );
}

/** Requirements × companies: who covers what in one grouping, and how much when it counts. */
export function CoverageMatrix({
  members,
  coverage,
}: {
  members: { organisationId: string; name: string }[];
  coverage: {
    requirementId: string;
    lotId: string;
    label: string;
    quantity: number;
    providers: { organisationId: string; amount: number | null }[];
  }[];
}) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a matrix wider than a phone scrolls, and keyboard users must be able to scroll it too.
    <section className="table-scroll coverage-scroll" aria-label={t('tenders.builder.coverage')} tabIndex={0}>
      <table className="table coverage-matrix">
        <caption>{t('tenders.builder.coverage')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tenders.builder.requirement')}</th>
            {members.map((member) => (
              <th scope="col" key={member.organisationId} className="coverage-company">
                {member.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.map((row) => (
            <tr key={row.requirementId}>
              <th scope="row">
                {row.lotId} · {row.label}
                {row.quantity > 0 ? ` (${row.quantity})` : ''}
              </th>
              {members.map((member) => {
                const provider = row.providers.find((p) => p.organisationId === member.organisationId);
                return (
                  <td
                    key={member.organisationId}
                    className={provider ? 'coverage-yes' : 'coverage-no'}
                    data-label={member.name}
                  >
                    {provider ? (
                      <>
                        <span aria-hidden="true">✓</span>
                        <span className="visually-hidden">{t('tenders.matrix.covers')}</span>
                        {provider.amount !== null && row.quantity > 0 ? ` ${provider.amount}` : ''}
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">{t('tenders.matrix.not')}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
