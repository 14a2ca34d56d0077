// Holdout's version, from package.json (the one place it is written), for exported files and
// citations.
import pkg from '../../package.json';

export const HOLDOUT_VERSION: string = pkg.version;
