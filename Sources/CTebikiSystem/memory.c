#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#include "tebiki_system.h"

void tebiki_return_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
