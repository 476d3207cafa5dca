import { ComingSoon } from '../../components/coming-soon.tsx';

export function NeedsPage() {
  return <ComingSoon capability="needs" />;
}
