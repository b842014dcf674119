/** The listing module's public surface: other modules import from here only. */

export { listingPrefetch } from './listing.prefetch';
export { listingLoader } from './listing.resolver';
export { ProvincialListingNode } from './listing.types';
