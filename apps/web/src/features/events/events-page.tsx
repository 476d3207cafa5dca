import { ComingSoon } from '../../components/coming-soon.tsx';

export function EventsPage() {
  return <ComingSoon capability="events" />;
}
