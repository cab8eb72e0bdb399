import { createContext, useContext } from "react";

/** The CSP nonce for this response: from the server, and in the browser from the meta tag it rendered. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
