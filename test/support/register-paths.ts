import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.json';

// jest's moduleNameMapper does not reach globalSetup; the @imdi/* aliases are resolved here instead.
register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });
