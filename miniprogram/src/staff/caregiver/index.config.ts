export default definePageConfig({ navigationBarTitleText: '我的上门服务', enablePullDownRefresh: false });
