import { createContext, useContext } from "react";

/** The CSP nonce for this response. Set on the server only; in the browser it is undefined. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
