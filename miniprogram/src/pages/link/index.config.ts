export default definePageConfig({ navigationBarTitleText: '关联老人' });
