// What other areas may use of analysis: the XLSX export for the HTTP route.
export { analysisHeader, writeAnalysisXlsx } from './analysis.export.js';
