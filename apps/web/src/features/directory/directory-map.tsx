import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type DirectoryFilters, type DirectorySearchResult, queryString } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, Loading } from '../../components/feedback.tsx';
import {
  type FranceShapes,
  isInFrame,
  loadFranceShapes,
  MAP_HEIGHT,
  MAP_WIDTH,
  project,
  UNITS_PER_KM,
} from './france-map.ts';

/** Above this many places, points stay out of the Tab order: the list is the way through them. */
const MAX_FOCUSABLE = 150;
const MAX_NAMES = 6;

interface Place {
  key: string;
  x: number;
  y: number;
  organisations: { id: string; name: string }[];
}

export function useFranceShapes() {
  const [shapes, setShapes] = useState<FranceShapes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    loadFranceShapes().then(
      (loaded) => isCurrent && setShapes(loaded),
      () => isCurrent && setFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return { shapes, failed };
}

/** The map's width on screen, so that points keep their size whatever the map's width or zoom. */
export function useWidthOnScreen() {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  });
  return { ref, width };
}

interface View {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FRANCE: View = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };
/** The smallest zoomed view: about 150 km from top to bottom. */
const MIN_VIEW_HEIGHT = 150 * UNITS_PER_KM;

/** The part of France around the given points, with a margin, in the shape of the whole map. */
export function viewAround(points: { x: number; y: number; r?: number }[]): View {
  if (points.length === 0) return FRANCE;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y, r = 0 } of points) {
    left = Math.min(left, x - r);
    right = Math.max(right, x + r);
    top = Math.min(top, y - r);
    bottom = Math.max(bottom, y + r);
  }
  const ratio = MAP_WIDTH / MAP_HEIGHT;
  let height = Math.max((bottom - top) * 1.25, ((right - left) * 1.25) / ratio, MIN_VIEW_HEIGHT);
  height = Math.min(height, MAP_HEIGHT);
  const width = height * ratio;
  const x = Math.min(Math.max((left + right) / 2 - width / 2, 0), MAP_WIDTH - width);
  const y = Math.min(Math.max((top + bottom) / 2 - height / 2, 0), MAP_HEIGHT - height);
  return { x, y, width, height };
}

/** The matching organisations on a map of metropolitan France, grouped by place. */
export function DirectoryMap({
  filters,
  slug,
  near,
  km,
}: {
  filters: DirectoryFilters;
  slug: string;
  near: DirectorySearchResult['near'];
  km: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const points = useApi(() => api.mapPoints(filters), queryString(filters));
  const { shapes, failed } = useFranceShapes();
  const [hovered, setHovered] = useState<Place | null>(null);
  const [pinned, setPinned] = useState<Place | null>(null);
  const { ref: svgRef, width: widthOnScreen } = useWidthOnScreen();
  const [isZoomed, setIsZoomed] = useState(true);

  const { places, outside } = useMemo(() => {
    const byPlace = new Map<string, Place>();
    let outsideCount = 0;
    for (const point of points.data?.points ?? []) {
      if (!isInFrame(point.lon, point.lat)) {
        outsideCount++;
        continue;
      }
      const key = `${point.lon.toFixed(3)},${point.lat.toFixed(3)}`;
      const [x, y] = project(point.lon, point.lat);
      const place = byPlace.get(key) ?? { key, x, y, organisations: [] };
      place.organisations.push({ id: point.id, name: point.name });
      byPlace.set(key, place);
    }
    return { places: [...byPlace.values()], outside: outsideCount };
  }, [points.data]);

  if (points.state === 'loading' || (!shapes && !failed)) return <Loading label={t('map.loading')} />;
  if (points.state === 'failed') return <ErrorBanner error={points.error} onRetry={points.reload} />;

  const isFocusable = places.length <= MAX_FOCUSABLE;
  const nearProjected = near?.point ? project(near.point.lon, near.point.lat) : null;
  const zoomed = viewAround([
    ...places,
    ...(nearProjected ? [{ x: nearProjected[0], y: nearProjected[1], r: km * UNITS_PER_KM }] : []),
  ]);
  const canZoom = zoomed.height < MAP_HEIGHT * 0.8;
  const view = isZoomed && canZoom ? zoomed : FRANCE;
  const unitsPerPixel = view.width / widthOnScreen;
  const shown = pinned ?? hovered;
  const nearPoint = nearProjected;
  const profile = (id: string) => `/n/${slug}/organisations/${id}`;

  return (
    <div className="map">
      <div className="map-bar">
        <p className="muted small map-note">
          {t('map.count', { count: points.data.points.length - outside })}
          {outside > 0 ? ` ${t('map.outside', { count: outside })}` : ''}
          {points.data.truncated ? ` ${t('map.truncated')}` : ''}
          {isFocusable ? '' : ` ${t('map.useList')}`}
        </p>
        {canZoom ? (
          <button type="button" className="link-button small" onClick={() => setIsZoomed((zoom) => !zoom)}>
            {isZoomed ? t('map.showFrance') : t('map.zoomIn')}
          </button>
        ) : null}
      </div>
      <div className="map-frame">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; the group names the map's links. */}
        <svg
          ref={svgRef}
          className="map-svg"
          viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
          role="group"
          aria-label={t('map.label')}
          onMouseLeave={() => setHovered(null)}
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
          {nearPoint ? (
            <g className="map-near">
              <circle cx={nearPoint[0]} cy={nearPoint[1]} r={km * UNITS_PER_KM} className="map-near-ring" />
              <circle cx={nearPoint[0]} cy={nearPoint[1]} r={4 * unitsPerPixel} className="map-near-centre" />
            </g>
          ) : null}
          <g className="map-points">
            {places.map((place) => {
              const count = place.organisations.length;
              const radius = Math.min(6 + Math.sqrt(count - 1) * 2.5, 15) * unitsPerPixel;
              const first = place.organisations[0];
              const isActive = shown?.key === place.key;
              const common = {
                className: isActive ? 'map-point is-active' : 'map-point',
                onMouseEnter: () => setHovered(place),
                onFocus: () => setHovered(place),
                onBlur: () => setHovered(null),
              };
              const dot = (
                <>
                  <circle cx={place.x} cy={place.y} r={radius} />
                  {count > 1 ? (
                    <text
                      x={place.x}
                      y={place.y}
                      dy="0.35em"
                      textAnchor="middle"
                      style={{ fontSize: `${10 * unitsPerPixel}px` }}
                    >
                      {count}
                    </text>
                  ) : null}
                </>
              );
              if (count === 1 && first) {
                return (
                  <a
                    key={place.key}
                    href={profile(first.id)}
                    aria-label={first.name}
                    tabIndex={isFocusable ? undefined : -1}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(profile(first.id));
                    }}
                    {...common}
                  >
                    {dot}
                  </a>
                );
              }
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it acts as one.
                <g
                  key={place.key}
                  role="button"
                  tabIndex={isFocusable ? 0 : -1}
                  aria-label={t('map.placeLabel', {
                    count,
                    names: place.organisations.map((o) => o.name).join(', '),
                  })}
                  onClick={() => setPinned(pinned?.key === place.key ? null : place)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      setPinned(pinned?.key === place.key ? null : place);
                    }
                  }}
                  {...common}
                >
                  {dot}
                </g>
              );
            })}
          </g>
        </svg>
        {shown ? (
          <div
            className={pinned ? 'map-tooltip is-pinned' : 'map-tooltip'}
            style={{
              left: `${((shown.x - view.x) / view.width) * 100}%`,
              top: `${((shown.y - view.y) / view.height) * 100}%`,
            }}
            {...(pinned
              ? { role: 'dialog', 'aria-label': t('map.placeTitle', { count: shown.organisations.length }) }
              : { role: 'tooltip' })}
          >
            {pinned ? (
              <>
                <ul>
                  {shown.organisations.map((organisation) => (
                    <li key={organisation.id}>
                      <Link to={profile(organisation.id)}>{organisation.name}</Link>
                    </li>
                  ))}
                </ul>
                <button type="button" className="link-button" onClick={() => setPinned(null)}>
                  {t('map.close')}
                </button>
              </>
            ) : (
              <>
                {shown.organisations.slice(0, MAX_NAMES).map((organisation) => (
                  <span key={organisation.id}>{organisation.name}</span>
                ))}
                {shown.organisations.length > MAX_NAMES ? (
                  <span className="muted">
                    {t('map.andMore', { count: shown.organisations.length - MAX_NAMES })}
                  </span>
                ) : null}
              </>
            )}
          </div>
        ) : null}
      </div>
      {failed ? <p className="muted small">{t('map.noOutline')}</p> : null}
    </div>
  );
}
