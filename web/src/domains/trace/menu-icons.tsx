import { AppstoreOutlined, EnvironmentOutlined, NodeIndexOutlined, ScanOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import type { MenuIconsOf } from '../../app/console-domain';
import type { traceConsole } from '.';

export const icons = {
  '/trace/lookup': <NodeIndexOutlined />,
  '/trace/batches': <TagsOutlined />,
  '/trace/trades': <SwapOutlined />,
  '/scan': <ScanOutlined />,
  '/trace/products': <AppstoreOutlined />,
  '/trace/bases': <EnvironmentOutlined />,
} satisfies MenuIconsOf<typeof traceConsole>;
