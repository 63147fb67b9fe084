import { parsePolicyDocument, type PolicyDocument } from '../policy.schema.js';
import { huangpi2020 } from './huangpi-2020.js';
import { yangcheng2026 } from './yangcheng-2026.js';
import { weihai2022 } from './weihai-2022.js';
import { luoyang2013 } from './luoyang-2013.js';
import { dongxihu2024 } from './dongxihu-2024.js';

/** Every programme the platform runs, validated when this module loads. */
export const allPolicies: readonly PolicyDocument[] = [
  huangpi2020,
  yangcheng2026,
  weihai2022,
  luoyang2013,
  dongxihu2024,
].map(parsePolicyDocument);

export const policyByCode = (code: string): PolicyDocument | undefined => allPolicies.find((p) => p.code === code);
