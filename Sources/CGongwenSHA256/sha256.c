// SHA-256 as FIPS 180-4 defines it (§4.1.2 functions, §4.2.2 constants, §5.1.1 padding, §6.2 computation).
#include "CGongwenSHA256.h"

#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_big_endian(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/// §6.2.2 over `blocks` 64-byte blocks.
static void compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
    uint32_t w[64];
    for (; blocks > 0; blocks--, data += 64) {
        for (int t = 0; t < 16; t++) w[t] = load_big_endian(data + 4 * t);
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>
#define GONGWEN_SHA_NI 1

/// The same rounds with the SHA extensions (Intel, "New Instructions Supporting the Secure Hash Algorithm on
/// Intel Architecture Processors", 2013): the state held as ABEF/CDGH, four rounds per two SHA256RNDS2, the
/// schedule W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] as SHA256MSG1, an add and SHA256MSG2.
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_extensions(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);              // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);        // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);     // CDGH

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef = state0, cdgh = state1;
        __m128i w[4];  // the schedule's last 16 words, four to a register, group i in w[i % 4]
        for (int i = 0; i < 16; i++) {
            __m128i group;
            if (i < 4) {
                group = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_swap);
            } else {
                // W[t-16..] = w[i%4], W[t-12..] = w[(i+1)%4], W[t-8..] = w[(i+2)%4], W[t-4..] = w[(i+3)%4]
                group = _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]);
                group = _mm_add_epi32(group, _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
                group = _mm_sha256msg2_epu32(group, w[(i + 3) & 3]);
            }
            w[i & 3] = group;
            __m128i message = _mm_add_epi32(group, _mm_loadu_si128((const __m128i *)&K[4 * i]));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);           // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);        // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);     // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);        // HGFE
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

static int detect_extensions(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    const int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}
#endif

int gongwen_sha256_accelerated(void) {
#ifdef GONGWEN_SHA_NI
    static int detected = -1;  // a benign race: every thread computes the same answer
    if (detected < 0) detected = detect_extensions();
    return detected;
#else
    return 0;
#endif
}

static void compress(gongwen_sha256_context *context, const uint8_t *data, size_t blocks) {
#ifdef GONGWEN_SHA_NI
    if (!context->portable && gongwen_sha256_accelerated()) {
        compress_extensions(context->state, data, blocks);
        return;
    }
#endif
    compress_portable(context->state, data, blocks);
}

void gongwen_sha256_init(gongwen_sha256_context *context, int portable) {
    static const uint32_t initial[8] = {  // §5.3.3
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(context->state, initial, sizeof initial);
    context->length = 0;
    context->buffered = 0;
    context->portable = portable ? 1 : 0;
}

void gongwen_sha256_update(gongwen_sha256_context *context, const void *bytes, size_t count) {
    const uint8_t *data = bytes;
    context->length += count;
    if (context->buffered > 0) {
        size_t take = 64 - context->buffered;
        if (take > count) take = count;
        memcpy(context->buffer + context->buffered, data, take);
        context->buffered += (uint32_t)take;
        data += take;
        count -= take;
        if (context->buffered < 64) return;
        compress(context, context->buffer, 1);
        context->buffered = 0;
    }
    if (count >= 64) {
        compress(context, data, count / 64);
        data += count & ~(size_t)63;
        count &= 63;
    }
    if (count > 0) {
        memcpy(context->buffer, data, count);
        context->buffered = (uint32_t)count;
    }
}

void gongwen_sha256_final(gongwen_sha256_context *context, uint8_t digest[32]) {
    // §5.1.1: a 1 bit, zeros to 56 mod 64 bytes, the length in bits as 64 bits big-endian.
    const uint64_t bits = context->length * 8;
    uint8_t padding[72] = {0x80};
    const size_t zeros = (context->buffered < 56 ? 56 : 120) - context->buffered;
    for (int i = 0; i < 8; i++) padding[zeros + i] = (uint8_t)(bits >> (56 - 8 * i));
    gongwen_sha256_update(context, padding, zeros + 8);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(context->state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(context->state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(context->state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)context->state[i];
    }
}
