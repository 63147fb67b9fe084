export default definePageConfig({ navigationBarTitleText: '门牌二维码' });
