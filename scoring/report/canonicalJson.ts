// One canonical form for everything that is hashed (reviews here, audit entries, packages).
export { canonicalJson } from '../canonical/canonicalJson'
