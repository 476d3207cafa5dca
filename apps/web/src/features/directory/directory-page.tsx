import { ComingSoon } from '../../components/coming-soon.tsx';

export function DirectoryPage() {
  return <ComingSoon capability="directory" />;
}
