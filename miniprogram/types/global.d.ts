/// <reference types="@tarojs/taro" />
declare module '*.css';
declare module '*.png';

/** Set by config/index.ts (defineConstants). */
declare const API_URL: string;
declare const DEMO_MODE: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | string;
  }
}
