#if defined(__GLIBC__) || defined(__linux__)
#define _GNU_SOURCE
#include <dlfcn.h>
#include <malloc.h>
#endif
#include <stddef.h>
#include "tebiki_system.h"

void tebiki_return_free_memory(void) {
#if defined(__GLIBC__)
    // The tebiki executable links jemalloc, whose `mallctl` is then found here; the core's
    // tests run on glibc's malloc. Looked up, not linked, so the library works with either.
    typedef int (*Control)(const char *, void *, size_t *, void *, size_t);
    Control control = (Control)dlsym(RTLD_DEFAULT, "mallctl");
    if (control != NULL) {
        // 4096 is MALLCTL_ARENAS_ALL: every arena's unused pages.
        control("arena.4096.purge", NULL, NULL, NULL, 0);
    } else {
        malloc_trim(0);
    }
#endif
}
