export default definePageConfig({ navigationBarTitleText: '养老服务机构名录' });
