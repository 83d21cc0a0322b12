// SHA-256 block compression with the x86 SHA extensions (SHA256RNDS2,
// SHA256MSG1, SHA256MSG2), written from Intel's description of the instructions.
// Only these functions are compiled for those instructions (the target
// attribute), so the package needs no special flags and the caller checks
// csha256_hardware_available() first.
#include "CSHA256.h"

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// The registers hold words with the lowest-numbered one in lane 0; the state is
// split the way SHA256RNDS2 takes it: (A, B, E, F) and (C, D, G, H), A and C in
// the top lane.

/// Four rounds: SHA256RNDS2 does two with the two low lanes of `wk` (W + K),
/// leaving the new (A, B, E, F); the old one is then the new (C, D, G, H).
SHA_TARGET static inline void four_rounds(__m128i *abef, __m128i *cdgh, __m128i w, const uint32_t *k) {
    __m128i wk = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)k));
    *cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, wk);
    *abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(wk, 0x0E));
}

/// W[i..i+3] from the four groups before it: `a` = W[i-16..], `b` = W[i-12..],
/// `c` = W[i-8..], `d` = W[i-4..]. SHA256MSG1 adds sigma0(W[i-15]) to W[i-16],
/// then W[i-7] is added (lanes 1..3 of `c` and lane 0 of `d`), and SHA256MSG2
/// adds sigma1(W[i-2]), taking W[i-2] and W[i-1] from `d`.
SHA_TARGET static inline __m128i next_words(__m128i a, __m128i b, __m128i c, __m128i d) {
    __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(a, b), _mm_alignr_epi8(d, c, 4));
    return _mm_sha256msg2_epu32(partial, d);
}

/// Four big-endian words of the message.
SHA_TARGET static inline __m128i load_words(const uint8_t *p) {
    const __m128i swap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)p), swap);
}

SHA_TARGET void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t k[64]) {
    __m128i abef = _mm_set_epi32((int)state[0], (int)state[1], (int)state[4], (int)state[5]);
    __m128i cdgh = _mm_set_epi32((int)state[2], (int)state[3], (int)state[6], (int)state[7]);
    for (size_t block = 0; block < count; block++, data += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i w0 = load_words(data), w1 = load_words(data + 16);
        __m128i w2 = load_words(data + 32), w3 = load_words(data + 48);
        four_rounds(&abef, &cdgh, w0, k);
        four_rounds(&abef, &cdgh, w1, k + 4);
        four_rounds(&abef, &cdgh, w2, k + 8);
        four_rounds(&abef, &cdgh, w3, k + 12);
        for (int i = 16; i < 64; i += 16) {
            w0 = next_words(w0, w1, w2, w3); four_rounds(&abef, &cdgh, w0, k + i);
            w1 = next_words(w1, w2, w3, w0); four_rounds(&abef, &cdgh, w1, k + i + 4);
            w2 = next_words(w2, w3, w0, w1); four_rounds(&abef, &cdgh, w2, k + i + 8);
            w3 = next_words(w3, w0, w1, w2); four_rounds(&abef, &cdgh, w3, k + i + 12);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    state[0] = (uint32_t)_mm_extract_epi32(abef, 3); state[1] = (uint32_t)_mm_extract_epi32(abef, 2);
    state[4] = (uint32_t)_mm_extract_epi32(abef, 1); state[5] = (uint32_t)_mm_extract_epi32(abef, 0);
    state[2] = (uint32_t)_mm_extract_epi32(cdgh, 3); state[3] = (uint32_t)_mm_extract_epi32(cdgh, 2);
    state[6] = (uint32_t)_mm_extract_epi32(cdgh, 1); state[7] = (uint32_t)_mm_extract_epi32(cdgh, 0);
}

#else

int csha256_hardware_available(void) { return 0; }

void csha256_compress_blocks(uint32_t state[8], const uint8_t *data, size_t count, const uint32_t k[64]) {
    (void)state; (void)data; (void)count; (void)k;
    __builtin_trap();  // never called: the caller checks csha256_hardware_available() first
}

#endif
