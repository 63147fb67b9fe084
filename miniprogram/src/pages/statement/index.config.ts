export default definePageConfig({ navigationBarTitleText: '补贴明细' });
