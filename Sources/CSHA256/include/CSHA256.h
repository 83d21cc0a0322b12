#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (and the SSSE3 and SSE4.1 that
/// `csha256_compress_blocks` also uses). Always 0 on other architectures.
int csha256_hardware_available(void);

/// Runs `count` whole 64-byte blocks starting at `data` (any alignment) through
/// the SHA-256 compression function of FIPS 180-4, updating `state` (h0..h7).
/// `k` is the 64 round constants. Call only when `csha256_hardware_available()`.
void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t k[64]);

#endif
