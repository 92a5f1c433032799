// libxml2 for gongwen. libxml2's headers pull in ICU when it was built with ICU support, and that ICU clashes
// with the one Foundation ships (duplicate module definitions). Read the version header first, then turn ICU
// off before the rest of libxml2 is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
