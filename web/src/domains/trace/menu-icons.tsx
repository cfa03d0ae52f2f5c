import { AppstoreOutlined, EnvironmentOutlined, NodeIndexOutlined, ScanOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';

export const icons = {
  '/trace/lookup': <NodeIndexOutlined />,
  '/trace/batches': <TagsOutlined />,
  '/trace/trades': <SwapOutlined />,
  '/scan': <ScanOutlined />,
  '/trace/products': <AppstoreOutlined />,
  '/trace/bases': <EnvironmentOutlined />,
};
