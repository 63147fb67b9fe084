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
  ],
  window: {
    navigationBarTitleText: '颐联居家养老',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
});
