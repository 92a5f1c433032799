// zlib, for deflating OOXML package parts at a chosen level and computing their CRC-32.
#include <zlib.h>
