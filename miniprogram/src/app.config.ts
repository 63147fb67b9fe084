export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '颐联居家养老', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black', backgroundColor: '#f5f6f7' },
});
