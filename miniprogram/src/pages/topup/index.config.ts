export default definePageConfig({ navigationBarTitleText: '自费充值' });
