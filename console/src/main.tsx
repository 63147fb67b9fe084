import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { App } from './App';

dayjs.locale('zh-cn');

// 政务 style: the deep blue of government portals, square corners, a compact desktop density.
const theme = {
  token: { colorPrimary: '#1d4f91', borderRadius: 2, fontSize: 14, colorLink: '#1d4f91' },
  components: { Layout: { headerBg: '#1d4f91', siderBg: '#ffffff' }, Menu: { itemSelectedBg: '#e8eef7' } },
};

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN} theme={theme}>
    <AntApp>
      <App />
    </AntApp>
  </ConfigProvider>,
);
