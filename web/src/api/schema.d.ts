/**
 * Generated from Keygate's /openapi.json by `npm run api:types`. Do not edit by hand: change the
 * server's schemas and run it again (server/test/api-types.test.ts fails when this file is stale).
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store is reachable and its schema is current */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connected APIs
         * @description Newest first, cursor-paged.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                createdAt: string;
                                description: string;
                                id: string;
                                name: string;
                                scopes: string[];
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a connected API
         * @description Declares an API of the platform and the scopes it offers to keys of the apps connected to it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        name: string;
                        /**
                         * @description The scopes it offers, each once
                         * @default []
                         */
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description A connected API and the scopes it offers */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            id: string;
                            name: string;
                            scopes: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apis/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connected API */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A connected API and the scopes it offers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            id: string;
                            name: string;
                            scopes: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a connected API
         * @description Refused (409) while an app is still connected to it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a connected API
         * @description Removing a scope that a live key of a connected app still holds is refused (409) until the key no longer holds it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description A connected API and the scopes it offers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            id: string;
                            name: string;
                            scopes: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List apps
         * @description Newest first, cursor-paged.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The connected Apis */
                                apiIds: string[];
                                createdAt: string;
                                description: string;
                                /** @enum {string} */
                                environment: "production" | "staging" | "development";
                                /** @description The App ID */
                                id: string;
                                /** @description Its keys (not deleted), revoked ones included */
                                keyCount: number;
                                title: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an app
         * @description An application or integration; its `id` is the App ID. Its keys take its environment.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The Apis to connect
                         * @default []
                         */
                        apiIds?: string[];
                        /** @default  */
                        description?: string;
                        /** @enum {string} */
                        environment: "production" | "staging" | "development";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description An application and the Apis it is connected to */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The connected Apis */
                            apiIds: string[];
                            createdAt: string;
                            description: string;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            /** @description The App ID */
                            id: string;
                            title: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an app with its keys and connected APIs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An application with its keys and connected Apis */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The connected Apis */
                            apiIds: string[];
                            /** @description Its connected Apis */
                            apis: {
                                createdAt: string;
                                description: string;
                                id: string;
                                name: string;
                                scopes: string[];
                                updatedAt: string;
                            }[];
                            createdAt: string;
                            description: string;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            /** @description The App ID */
                            id: string;
                            /** @description Its keys (not deleted), newest first */
                            keys: {
                                appId: string | null;
                                createdAt: string;
                                createdBy: string | null;
                                enabled: boolean;
                                /** @enum {string} */
                                environment: "production" | "staging" | "development";
                                expiresAt: string | null;
                                id: string;
                                ipAllowlist: string[];
                                /** @enum {string} */
                                kind: "token" | "pair";
                                lastUsedAt: string | null;
                                lastUsedIp: string | null;
                                meta: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                prefix: string;
                                quota: {
                                    refill: {
                                        amount: number;
                                        /** @enum {string} */
                                        interval: "minute" | "hour" | "day" | "week" | "month";
                                    } | null;
                                    remaining: number;
                                } | null;
                                rateLimit: {
                                    limit: number;
                                    windowMs: number;
                                } | null;
                                /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                                recoverable: boolean;
                                revokedAt: string | null;
                                revokedReason: string | null;
                                rotatedAt: string | null;
                                scopes: string[];
                                /** @description The public half of a pair; null for a token */
                                sharedKey: string | null;
                                /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                                start: string;
                                /** @enum {string} */
                                status: "active" | "disabled" | "revoked" | "expired";
                                updatedAt: string;
                                usageCount: number;
                            }[];
                            title: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an app and its keys
         * @description Its keys are deleted too: gone from lists and verification at once; the audit trail keeps them.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit an app
         * @description `apiIds` is the full new set of connected APIs; disconnecting one whose scopes live keys of the app still hold is refused (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The full new set of connected Apis */
                        apiIds?: string[];
                        description?: string;
                        /**
                         * @description Its keys move to the new environment
                         * @enum {string}
                         */
                        environment?: "production" | "staging" | "development";
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description An application and the Apis it is connected to */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The connected Apis */
                            apiIds: string[];
                            createdAt: string;
                            description: string;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            /** @description The App ID */
                            id: string;
                            title: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or export the audit trail
         * @description Newest first. `format=csv` (plans with audit export) answers `text/csv` with every matching event, up to 100,000; `limit` does not apply to it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description An exact action (`key.created`) or a prefix ending in `.*` (`key.*`) */
                    action?: string;
                    /** @description Only events by this user or root key */
                    actorId?: string;
                    cursor?: string;
                    /** @description `csv` exports every matching event */
                    format?: "json" | "csv";
                    /** @description Events at or after this time */
                    from?: string;
                    limit?: number;
                    /** @description Only events about this entity */
                    targetId?: string;
                    /** @description Events before this time */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events, or the CSV export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                actor: {
                                    /** @description A user's or root key's id; portal:<externalId> for a portal user */
                                    id: string | null;
                                    /** @description A portal user's email; null for the other actors */
                                    label: string | null;
                                    /** @enum {string} */
                                    type: "user" | "root_key" | "system" | "portal";
                                };
                                createdAt: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                ip: string | null;
                                target: {
                                    id: string;
                                    type: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Sets the `keygate_session` cookie and returns the CSRF token to send as `x-csrf-token` on every change. After 5 failures for one email from one address, each attempt waits (15 s, doubling per failure, at most 15 minutes); 100 failures for one email from all addresses in an hour, or 20 from one address in 15 minutes, answer 429 too, with `retry-after`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @description The workspace to sign in to; the oldest membership when absent */
                        workspaceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session and clear its cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the signed-in user and role, or the root key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        } | {
                            rootKey: {
                                id: string;
                                permissions: string[];
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This browser's session, or null: never a 401 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The signed-in session; null when this browser has none */
                            session: {
                                /** @description Send it as x-csrf-token on every change made with this session */
                                csrfToken: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                /** @description A person with an account */
                                user: {
                                    /** Format: date-time */
                                    createdAt: string;
                                    email: string;
                                    id: string;
                                    name: string;
                                };
                                /** @description A workspace: its plan, default key prefix and key policy */
                                workspace: {
                                    /** Format: date-time */
                                    createdAt: string;
                                    entitlements: {
                                        apiAccess: boolean;
                                        auditExport: boolean;
                                        ipAllowlists: boolean;
                                        /** @description null: no limit */
                                        maxKeys: number | null;
                                        /** @description null: no limit */
                                        maxMembers: number | null;
                                        usageLimits: boolean;
                                    };
                                    id: string;
                                    keyPrefix: string;
                                    name: string;
                                    /** @enum {string} */
                                    plan: "free" | "pro" | "enterprise";
                                    policy: {
                                        expiryRequired: boolean;
                                        maxKeyLifetimeSeconds: number | null;
                                    };
                                    /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                    recoverableKeys: boolean;
                                    /** Format: date-time */
                                    updatedAt: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the session to another of the person's workspaces
         * @description Answers as sign-in does, with the role in the workspace entered; the cookie and CSRF token stay. A workspace the person does not belong to is 404, whether or not it exists. Audited as `user.workspace_switched`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A workspace the signed-in person belongs to */
                        workspaceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in person's workspaces, their role in each, and the current one
         * @description For a session only; a root key gets 403.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The session's current workspace */
                            currentWorkspaceId: string;
                            /** @description Every workspace the person belongs to, oldest membership first */
                            data: {
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                /** @description A workspace: its plan, default key prefix and key policy */
                                workspace: {
                                    /** Format: date-time */
                                    createdAt: string;
                                    entitlements: {
                                        apiAccess: boolean;
                                        auditExport: boolean;
                                        ipAllowlists: boolean;
                                        /** @description null: no limit */
                                        maxKeys: number | null;
                                        /** @description null: no limit */
                                        maxMembers: number | null;
                                        usageLimits: boolean;
                                    };
                                    id: string;
                                    keyPrefix: string;
                                    name: string;
                                    /** @enum {string} */
                                    plan: "free" | "pro" | "enterprise";
                                    policy: {
                                        expiryRequired: boolean;
                                        maxKeyLifetimeSeconds: number | null;
                                    };
                                    /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                    recoverableKeys: boolean;
                                    /** Format: date-time */
                                    updatedAt: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's pending invitations, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** Format: date-time */
                                expiresAt: string;
                                id: string;
                                /** @description Who invited */
                                invitedBy: {
                                    id: string;
                                    /** @description The member's or root key's name; null once it is gone */
                                    name: string | null;
                                    /** @enum {string} */
                                    type: "user" | "root_key";
                                };
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "viewer";
                            }[];
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite a person by email with a role; answers the one-use link once
         * @description The link (`url`) works once, for 7 days, and is never shown again; only its SHA-256 is stored. Only an owner may invite an owner. 409 when the email is already a member or has a pending invitation; 402 when members and pending invitations together would pass the plan's member limit. Audited as `invitation.created`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                    };
                };
            };
            responses: {
                /** @description The new invitation and its one-use link */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            /** @description Who invited */
                            invitedBy: {
                                id: string;
                                /** @description The member's or root key's name; null once it is gone */
                                name: string | null;
                                /** @enum {string} */
                                type: "user" | "root_key";
                            };
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description The link to hand to the person: shown only in this response */
                            url: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation: its link stops working at once
         * @description Only an owner may revoke an invitation to the owner role. 409 for one already accepted (remove the member instead). Audited as `invitation.revoked`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: join the workspace with the invited role, and sign in
         * @description An email without an account gives `name` and a new `password` (at least 12 characters); one with an account gives that account's password (401 when wrong; throttled as sign-in is, 429 with `retry-after`). Sets the session cookie and answers as sign-in does. The link works once: of two concurrent accepts one succeeds, the other gets 404. Unknown, used, revoked and expired links all answer 404 `invitation not found`. 402 when the plan's member limit is reached. Audited as `member.added` and `invitation.accepted`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The new account's name; required when the email has no account */
                        name?: string;
                        /** @description A new password (at least 12 characters), or the existing account's password */
                        password: string;
                        /** @description The token of the invitation link */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an invitation link is for: email, role, workspace, whether the account exists
         * @description Unknown, used, revoked and expired links all answer 404 `invitation not found`.
         */
        get: {
            parameters: {
                query: {
                    /** @description The token of the invitation link */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What an invitation link is for */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether the email has an account: then accept with its password, without a name */
                            accountExists: boolean;
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            workspace: {
                                name: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keys
         * @description Newest first, cursor-paged. `search` matches part of the name, the start of a key, a Shared Key, a key id, or a whole pasted key; `appId`, `environment` and `status` filter.
         */
        get: {
            parameters: {
                query?: {
                    appId?: string;
                    cursor?: string;
                    /** @description Only keys of this environment (a key of an app has the app's environment) */
                    environment?: "production" | "staging" | "development";
                    limit?: number;
                    /** @description Part of a name, the start of a key, a Shared Key, a key id, or a whole key */
                    search?: string;
                    status?: "active" | "disabled" | "revoked" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                appId: string | null;
                                createdAt: string;
                                createdBy: string | null;
                                enabled: boolean;
                                /** @enum {string} */
                                environment: "production" | "staging" | "development";
                                expiresAt: string | null;
                                id: string;
                                ipAllowlist: string[];
                                /** @enum {string} */
                                kind: "token" | "pair";
                                lastUsedAt: string | null;
                                lastUsedIp: string | null;
                                meta: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                prefix: string;
                                quota: {
                                    refill: {
                                        amount: number;
                                        /** @enum {string} */
                                        interval: "minute" | "hour" | "day" | "week" | "month";
                                    } | null;
                                    remaining: number;
                                } | null;
                                rateLimit: {
                                    limit: number;
                                    windowMs: number;
                                } | null;
                                /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                                recoverable: boolean;
                                revokedAt: string | null;
                                revokedReason: string | null;
                                rotatedAt: string | null;
                                scopes: string[];
                                /** @description The public half of a pair; null for a token */
                                sharedKey: string | null;
                                /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                                start: string;
                                /** @enum {string} */
                                status: "active" | "disabled" | "revoked" | "expired";
                                updatedAt: string;
                                usageCount: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a key
         * @description Creates a token (`key`) or a pair (`sharedKey` + `secretKey`). The secret is shown in this response only; store it now.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The app the key belongs to; it takes the app's environment */
                        appId?: string;
                        /**
                         * @description For a key without an app (default production); a key of an app takes the app's
                         * @enum {string}
                         */
                        environment?: "production" | "staging" | "development";
                        expiresAt?: string | null;
                        ipAllowlist?: string[];
                        /**
                         * @description token: one secret; pair: a Shared Key and a Secret Key
                         * @default token
                         * @enum {string}
                         */
                        kind?: "token" | "pair";
                        /** @default {} */
                        meta?: {
                            [key: string]: unknown;
                        };
                        name: string;
                        /** @description Defaults to the workspace's key prefix */
                        prefix?: string;
                        /** @default null */
                        quota?: {
                            /** @default null */
                            refill?: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @default null */
                        rateLimit?: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        /** @default [] */
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description A key and its new secret, shown only once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @description The token (kind token); shown only in this response */
                            key?: string;
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The Secret Key (kind pair); shown only in this response */
                            secretKey?: string;
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A key, without its secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a key
         * @description Changes name, scopes, meta, expiresAt, enabled, ipAllowlist, rateLimit or quota. Takes effect on the very next verification. A revoked key cannot be edited (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        /** @description null removes the expiry */
                        expiresAt?: string | null;
                        /** @description [] allows every network */
                        ipAllowlist?: string[];
                        meta?: {
                            [key: string]: unknown;
                        };
                        name?: string;
                        /** @description null removes the quota; a new quota starts now */
                        quota?: {
                            /** @default null */
                            refill?: {
                                amount: number;
                                /** @enum {string} */
                                interval: "minute" | "hour" | "day" | "week" | "month";
                            } | null;
                            remaining: number;
                        } | null;
                        /** @description null removes the rate limit */
                        rateLimit?: {
                            limit: number;
                            windowMs: number;
                        } | null;
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description A key, without its secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/keys/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a key (reversible, at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A key, without its secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A key, without its secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reveal the secret of a recoverable key
         * @description For keys made or rotated while the workspace had `recoverableKeys` on (the key object's `recoverable`). Admins and owners only (root keys: `*`); audited as `key.revealed`. 409 for a key made while the setting was off, and for a revoked key. The answer is never cached.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The secret of a recoverable key: `key` for a token, `sharedKey` and `secretKey` for a pair */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The token (kind token) */
                            key: string;
                        } | {
                            /** @description The Secret Key (kind pair) */
                            secretKey: string;
                            /** @description The Shared Key (kind pair) */
                            sharedKey: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a key for good
         * @description Verification answers REVOKED from now on; the key cannot be enabled, edited or rotated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description A key, without its secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a key
         * @description Issues a new secret for the same key id and settings, shown in this response only. The old secret keeps working for `gracePeriodSeconds` (0 = ends at once).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the old secret keeps working; 0 ends it at once
                         * @default 0
                         */
                        gracePeriodSeconds?: number;
                    } | null;
                };
            };
            responses: {
                /** @description A key and its new secret, shown only once */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            enabled: boolean;
                            /** @enum {string} */
                            environment: "production" | "staging" | "development";
                            expiresAt: string | null;
                            id: string;
                            ipAllowlist: string[];
                            /** @description The token (kind token); shown only in this response */
                            key?: string;
                            /** @enum {string} */
                            kind: "token" | "pair";
                            lastUsedAt: string | null;
                            lastUsedIp: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            name: string;
                            prefix: string;
                            quota: {
                                refill: {
                                    amount: number;
                                    /** @enum {string} */
                                    interval: "minute" | "hour" | "day" | "week" | "month";
                                } | null;
                                remaining: number;
                            } | null;
                            rateLimit: {
                                limit: number;
                                windowMs: number;
                            } | null;
                            /** @description Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on */
                            recoverable: boolean;
                            revokedAt: string | null;
                            revokedReason: string | null;
                            rotatedAt: string | null;
                            scopes: string[];
                            /** @description The Secret Key (kind pair); shown only in this response */
                            secretKey?: string;
                            /** @description The public half of a pair; null for a token */
                            sharedKey: string | null;
                            /** @description The prefix and first characters of the secret: identifies it, exposes nothing */
                            start: string;
                            /** @enum {string} */
                            status: "active" | "disabled" | "revoked" | "expired";
                            updatedAt: string;
                            usageCount: number;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage of a key
         * @description Counts of each verification outcome per UTC hour or day. Counts arrive within about a second of the verification.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Default: 24 hours (hour) or 30 days (day) before `to` */
                    from?: string;
                    /** @description Bucket size (UTC hours or days) */
                    granularity?: "hour" | "day";
                    /** @description Default: now */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Verification outcomes per bucket, oldest first; at most 1000 buckets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Start of the bucket */
                                bucket: string;
                                counts: {
                                    DISABLED: number;
                                    EXPIRED: number;
                                    FORBIDDEN_IP: number;
                                    INSUFFICIENT_SCOPE: number;
                                    RATE_LIMITED: number;
                                    REVOKED: number;
                                    USAGE_EXCEEDED: number;
                                    VALID: number;
                                };
                                total: number;
                            }[];
                            /** @enum {string} */
                            granularity: "hour" | "day";
                            keyId: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a key
         * @description Judges a presented key for the caller's workspace: status, expiry, rotation grace, IP allowlist, scopes, rate limit and quota, in that order. Answers 200 for every key it could judge.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Quota units this verification spends
                         * @default 1
                         */
                        cost?: number;
                        /** @description The end client's address, checked against the key's IP allowlist */
                        ip?: string;
                        /** @description A token key (kind token) */
                        key?: string;
                        /** @description Scopes the key must all hold */
                        scopes?: string[];
                        /** @description The Secret Key of a pair; send with sharedKey */
                        secretKey?: string;
                        /** @description The Shared Key of a pair; send with secretKey */
                        sharedKey?: string;
                    };
                };
            };
            responses: {
                /** @description VALID answers every field; a refusal answers only valid, code, keyId (when the key was found) and ratelimit (RATE_LIMITED) or quota (USAGE_EXCEEDED) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId?: string | null;
                            /** @enum {string} */
                            code: "VALID" | "MALFORMED" | "NOT_FOUND" | "DISABLED" | "REVOKED" | "EXPIRED" | "FORBIDDEN_IP" | "INSUFFICIENT_SCOPE" | "RATE_LIMITED" | "USAGE_EXCEEDED";
                            expiresAt?: string | null;
                            /** @description Present when the key was found */
                            keyId?: string;
                            meta?: {
                                [key: string]: unknown;
                            };
                            name?: string;
                            /** @description Quota left after this request */
                            quota?: {
                                remaining: number;
                            } | null;
                            /** @description The key's rate limit after this request; when refused, resetAt is when it frees */
                            ratelimit?: {
                                limit: number;
                                remaining: number;
                                resetAt: string;
                            } | null;
                            scopes?: string[];
                            valid: boolean;
                            workspaceId?: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's members, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: date-time
                                 * @description When they joined the workspace
                                 */
                                createdAt: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "viewer";
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a person to the workspace with a role
         * @description Creates the account when the email has none (then `password` is required). Only an owner may add an owner. 402 when the plan's member limit is reached, 409 when the person is already a member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @description Used when the email has no account yet */
                        name: string;
                        /** @description The new account's password; required only when the email has no account yet */
                        password?: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                    };
                };
            };
            responses: {
                /** @description A member of the workspace */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When they joined the workspace
                             */
                            createdAt: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            userId: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member and end their sessions in this workspace
         * @description Only an owner may remove an owner; the last owner can never be removed (409).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Takes effect on the member's next request. Only an owner may grant the owner role or change an owner's role; the last owner cannot be demoted (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "admin" | "developer" | "viewer";
                    };
                };
            };
            responses: {
                /** @description A member of the workspace */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When they joined the workspace
                             */
                            createdAt: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            userId: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan with what it includes, and the caller's current plan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The plan of the caller's workspace
                             * @enum {string}
                             */
                            current: "free" | "pro" | "enterprise";
                            /** @description Every plan, from the smallest to the largest */
                            data: {
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                /** @enum {string} */
                                id: "free" | "pro" | "enterprise";
                                /** @description What it includes, in words: "API Access", ..., "Up to 25 members", "Unlimited API keys" */
                                includes: string[];
                                /** @description The plan's name as shown: "Free", "Pro", "Enterprise" */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/root-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's root keys
         * @description Newest first. Never includes a secret or its hash.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                createdAt: string;
                                /** @description The user or root key that created it; null for the system */
                                createdBy: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                                /** @description The first characters of the key, to recognise it without exposing it */
                                start: string;
                            }[];
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a root key
         * @description Returns the secret `key` once. The caller may only grant permissions it holds itself (`*` needs every permission).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the key is for, such as `ci-deploy` */
                        name: string;
                        permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** @description The user or root key that created it; null for the system */
                            createdBy: string | null;
                            id: string;
                            /** @description The secret: shown only in this response, never again */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            permissions: ("*" | "keys:read" | "keys:write" | "keys:verify" | "apps:read" | "apps:write" | "apis:read" | "apis:write" | "audit:read" | "root_keys:read" | "root_keys:write" | "members:read" | "members:write" | "workspace:read" | "workspace:write" | "workspaces:read" | "workspaces:write" | "keys:verify:any" | "portal:write")[];
                            /** @description The first characters of the key, to recognise it without exposing it */
                            start: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/root-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a root key
         * @description The key stops working at once, on every node, before this call returns.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first owner with the one-time setup link, and sign in
         * @description A used, unknown or expired token answers 400. An email that already has an account must come with that account's password.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                        /** @description The token of the setup link */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it as x-csrf-token on every change made with this session */
                            csrfToken: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "developer" | "viewer";
                            /** @description A person with an account */
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                id: string;
                                name: string;
                            };
                            /** @description A workspace: its plan, default key prefix and key policy */
                            workspace: {
                                /** Format: date-time */
                                createdAt: string;
                                entitlements: {
                                    apiAccess: boolean;
                                    auditExport: boolean;
                                    ipAllowlists: boolean;
                                    /** @description null: no limit */
                                    maxKeys: number | null;
                                    /** @description null: no limit */
                                    maxMembers: number | null;
                                    usageLimits: boolean;
                                };
                                id: string;
                                keyPrefix: string;
                                name: string;
                                /** @enum {string} */
                                plan: "free" | "pro" | "enterprise";
                                policy: {
                                    expiryRequired: boolean;
                                    maxKeyLifetimeSeconds: number | null;
                                };
                                /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                                recoverableKeys: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspace, its plan and policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A workspace: its plan, default key prefix and key policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            id: string;
                            keyPrefix: string;
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            policy: {
                                expiryRequired: boolean;
                                maxKeyLifetimeSeconds: number | null;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the workspace's name, default key prefix, key policy or recoverable keys */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The default prefix of new keys (`acme`, `acme_live`); existing keys keep theirs */
                        keyPrefix?: string;
                        name?: string;
                        policy?: {
                            /** @description Whether every new key must have an expiry */
                            expiryRequired?: boolean;
                            /** @description The longest a new key may live; null for no limit */
                            maxKeyLifetimeSeconds?: number | null;
                        };
                        /** @description true: the secrets of keys created or rotated from now on are also kept encrypted, and admins and owners can reveal them (POST /v1/keys/{id}/reveal). false: every kept secret is erased; no key can be revealed */
                        recoverableKeys?: boolean;
                    };
                };
            };
            responses: {
                /** @description A workspace: its plan, default key prefix and key policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            entitlements: {
                                apiAccess: boolean;
                                auditExport: boolean;
                                ipAllowlists: boolean;
                                /** @description null: no limit */
                                maxKeys: number | null;
                                /** @description null: no limit */
                                maxMembers: number | null;
                                usageLimits: boolean;
                            };
                            id: string;
                            keyPrefix: string;
                            name: string;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            policy: {
                                expiryRequired: boolean;
                                maxKeyLifetimeSeconds: number | null;
                            };
                            /** @description Whether new keys' secrets are also kept encrypted, so admins and owners can reveal them later */
                            recoverableKeys: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The error shape of every refusal */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The error shape of every refusal */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                /** @description Per-field reasons of a validation failure */
                                details?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
