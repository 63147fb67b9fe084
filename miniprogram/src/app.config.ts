export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/link/index',
    'pages/guide/index',
    'pages/order/index',
    'pages/orders/index',
    'pages/order-detail/index',
    'pages/topup/index',
    'pages/notices/index',
    'pages/statement/index',
    // 养老服务机构名录 (002 二(三)10): public and a few kilobytes, so in the main package where the
    // login page reaches it before any subpackage is loaded.
    'pages/directory/index',
  ],
  // Staff pages (issue 23) in their own subpackage, so the families' main package stays small.
  subPackages: [
    {
      root: 'staff',
      pages: [
        'caregiver/index',
        'caregiver/visit/index',
        'dispatch/index',
        'worker/index',
        'worker/elder/index',
        'worker/register/index',
        'worker/homeqr/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '颐联居家养老',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  // One-tap help sends the elder's position with the call when they allow it (components/HelpPanel.tsx).
  permission: { 'scope.userLocation': { desc: '求助时把老人的位置告诉呼叫中心，方便尽快找到老人' } },
  requiredPrivateInfos: ['getLocation'],
});
