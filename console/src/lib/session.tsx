import { createContext, useContext } from 'react';
import type { ConsoleUserFragment } from '../api/generated';

export const UserContext = createContext<ConsoleUserFragment | null>(null);
export const useUser = () => useContext(UserContext)!;
/** District officials settle, run the allowance and download exports (the API refuses the others). */
export const isDistrict = (u: ConsoleUserFragment) => u.role === 'DISTRICT_ADMIN';
