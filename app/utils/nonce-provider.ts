// The request's Content-Security-Policy nonce (server/http-security.ts), for the few
// places that write a <script>: Remix's Scripts and ScrollRestoration in root.tsx.
import { createContext, useContext } from 'react'

export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
