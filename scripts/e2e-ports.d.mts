export declare const E2E_HTTP_PORT: number;
export declare const E2E_SMTP_PORT: number;
export declare const E2E_BASE_URL: string;
export declare const E2E_DATA_DIR_POINTER: string;
