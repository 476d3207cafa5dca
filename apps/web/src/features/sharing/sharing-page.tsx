import { ComingSoon } from '../../components/coming-soon.tsx';

export function SharingPage() {
  return <ComingSoon capability="sharing" />;
}
