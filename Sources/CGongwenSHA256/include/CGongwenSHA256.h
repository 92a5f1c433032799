#ifndef CGONGWEN_SHA256_H
#define CGONGWEN_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) for manifest.json, SHA256SUMS, 元数据.xml and the OFD's DocID.
///
/// gongwen's own so that a fresh build does not compile a cryptography library (about 250 C files of
/// BoringSSL) for one hash. Two compression functions: the portable one of FIPS 180-4 §6.2.2, and on x86-64
/// processors with the SHA extensions the same rounds through SHA256RNDS2/SHA256MSG1/SHA256MSG2, chosen at run
/// time. Tested against the NIST example vectors and against coreutils' sha256sum, both paths.
typedef struct {
    uint32_t state[8];
    uint64_t length;        // bytes hashed so far
    uint8_t buffer[64];     // a block not yet complete
    uint32_t buffered;      // bytes in buffer
    int32_t portable;       // 1: never the SHA extensions (the tests compare both paths)
} gongwen_sha256_context;

void gongwen_sha256_init(gongwen_sha256_context *context, int portable);
void gongwen_sha256_update(gongwen_sha256_context *context, const void *bytes, size_t count);
void gongwen_sha256_final(gongwen_sha256_context *context, uint8_t digest[32]);

/// 1 when this processor's SHA extensions are used (unless a context asks for the portable path).
int gongwen_sha256_accelerated(void);

#endif
