/*
 * A fake CUDA driver (libcuda.so.1) for the hardware check's tests on machines without a GPU. It exports the entry
 * points licenceguard's CudaDriver binds, keeps "device" memory in host memory, and runs the checksum kernel on the
 * CPU with the same formula as the PTX kernel. Knobs (environment variables, read on each call):
 *   FAKE_CUDA_DEVICES=0           cuInit answers CUDA_ERROR_NO_DEVICE (100)
 *   FAKE_CUDA_FAIL=name:code      the entry point `name` answers `code`
 *   FAKE_CUDA_HANG=name           the entry point `name` never returns
 *   FAKE_CUDA_TOTAL=bytes         device memory (default 80 GiB); FAKE_CUDA_FREE=bytes free memory (default: total)
 *   FAKE_CUDA_CORRUPT=1           host-to-device copies flip one bit of the first byte: the GPU checksum then differs
 *   FAKE_CUDA_LOG=path            appends each entry point's name, one a line
 * Built by the tests with the system C compiler: cc -shared -fPIC -O2 -o libfakecuda.so fake_cuda.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int CUresult;
typedef uint64_t CUdeviceptr;

static uint64_t allocated;

static void log_call(const char *name)
{
    const char *path = getenv("FAKE_CUDA_LOG");
    if (!path) return;
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "%s\n", name);
    fclose(f);
}

/* Logs the call, hangs or fails it when a knob says so; 0 lets the call proceed. */
static CUresult enter(const char *name)
{
    log_call(name);
    const char *hang = getenv("FAKE_CUDA_HANG");
    if (hang && strcmp(hang, name) == 0) for (;;) sleep(1000);
    const char *fail = getenv("FAKE_CUDA_FAIL");
    if (fail)
    {
        size_t n = strlen(name);
        if (strncmp(fail, name, n) == 0 && fail[n] == ':') return atoi(fail + n + 1);
    }
    return 0;
}

static uint64_t knob(const char *name, uint64_t fallback)
{
    const char *v = getenv(name);
    return v ? strtoull(v, NULL, 10) : fallback;
}

static uint64_t total_memory(void) { return knob("FAKE_CUDA_TOTAL", 80ull << 30); }
static uint64_t free_memory(void)
{
    uint64_t free0 = knob("FAKE_CUDA_FREE", total_memory());
    return free0 > allocated ? free0 - allocated : 0;
}

#define ENTER(name) do { CUresult r_ = enter(name); if (r_) return r_; } while (0)

CUresult cuGetErrorName(CUresult error, const char **text)
{
    switch (error)
    {
        case 2: *text = "CUDA_ERROR_OUT_OF_MEMORY"; return 0;
        case 100: *text = "CUDA_ERROR_NO_DEVICE"; return 0;
        case 218: *text = "CUDA_ERROR_INVALID_PTX"; return 0;
        case 999: *text = "CUDA_ERROR_UNKNOWN"; return 0;
        default: *text = NULL; return 1;
    }
}

CUresult cuGetErrorString(CUresult error, const char **text)
{
    switch (error)
    {
        case 2: *text = "out of memory"; return 0;
        case 100: *text = "no CUDA-capable device is detected"; return 0;
        case 218: *text = "a PTX JIT compilation failed"; return 0;
        case 999: *text = "unknown error"; return 0;
        default: *text = NULL; return 1;
    }
}

CUresult cuInit(unsigned int flags)
{
    (void)flags;
    ENTER("cuInit");
    return knob("FAKE_CUDA_DEVICES", 1) == 0 ? 100 : 0;
}

CUresult cuDriverGetVersion(int *version) { ENTER("cuDriverGetVersion"); *version = 12040; return 0; }

CUresult cuDeviceGetCount(int *count) { ENTER("cuDeviceGetCount"); *count = (int)knob("FAKE_CUDA_DEVICES", 1); return 0; }

CUresult cuDeviceGet(int *device, int ordinal)
{
    ENTER("cuDeviceGet");
    if (ordinal < 0 || (uint64_t)ordinal >= knob("FAKE_CUDA_DEVICES", 1)) return 101;
    *device = ordinal;
    return 0;
}

CUresult cuDeviceGetName(char *name, int length, int device)
{
    (void)device;
    ENTER("cuDeviceGetName");
    snprintf(name, (size_t)length, "%s", "Fake GPU 80GB");
    return 0;
}

CUresult cuDeviceTotalMem_v2(size_t *bytes, int device) { (void)device; ENTER("cuDeviceTotalMem_v2"); *bytes = total_memory(); return 0; }

CUresult cuDeviceGetAttribute(int *value, int attribute, int device)
{
    (void)device;
    ENTER("cuDeviceGetAttribute");
    *value = attribute == 75 ? 9 : attribute == 76 ? 0 : 0;   /* compute capability 9.0 */
    return 0;
}

CUresult cuCtxCreate_v2(void **context, unsigned int flags, int device)
{
    (void)flags; (void)device;
    ENTER("cuCtxCreate_v2");
    *context = (void *)0x1;
    return 0;
}

CUresult cuCtxDestroy_v2(void *context) { (void)context; ENTER("cuCtxDestroy_v2"); return 0; }
CUresult cuCtxSynchronize(void) { ENTER("cuCtxSynchronize"); return 0; }

CUresult cuMemGetInfo_v2(size_t *free_bytes, size_t *total_bytes)
{
    ENTER("cuMemGetInfo_v2");
    *free_bytes = free_memory();
    *total_bytes = total_memory();
    return 0;
}

/* Device allocations carry their size in front, so that cuMemFree can give the budget back. */
CUresult cuMemAlloc_v2(CUdeviceptr *pointer, size_t bytes)
{
    ENTER("cuMemAlloc_v2");
    if (bytes > free_memory()) return 2;
    uint64_t *block = malloc(bytes + 16);
    if (!block) return 2;
    block[0] = bytes;
    allocated += bytes;
    *pointer = (CUdeviceptr)(uintptr_t)(block + 2);
    return 0;
}

CUresult cuMemFree_v2(CUdeviceptr pointer)
{
    ENTER("cuMemFree_v2");
    uint64_t *block = (uint64_t *)(uintptr_t)pointer - 2;
    allocated -= block[0];
    free(block);
    return 0;
}

CUresult cuMemHostAlloc(void **pointer, size_t bytes, unsigned int flags)
{
    (void)flags;
    ENTER("cuMemHostAlloc");
    *pointer = malloc(bytes);
    return *pointer ? 0 : 2;
}

CUresult cuMemFreeHost(void *pointer) { ENTER("cuMemFreeHost"); free(pointer); return 0; }

CUresult cuStreamCreate(void **stream, unsigned int flags) { (void)flags; ENTER("cuStreamCreate"); *stream = (void *)0x2; return 0; }
CUresult cuStreamSynchronize(void *stream) { (void)stream; ENTER("cuStreamSynchronize"); return 0; }
CUresult cuStreamDestroy_v2(void *stream) { (void)stream; ENTER("cuStreamDestroy_v2"); return 0; }

static void copy_in(CUdeviceptr destination, const void *source, size_t bytes)
{
    memcpy((void *)(uintptr_t)destination, source, bytes);
    if (bytes > 0 && knob("FAKE_CUDA_CORRUPT", 0)) *(unsigned char *)(uintptr_t)destination ^= 1;
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr destination, const void *source, size_t bytes)
{
    ENTER("cuMemcpyHtoD_v2");
    memcpy((void *)(uintptr_t)destination, source, bytes);
    return 0;
}

CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr destination, const void *source, size_t bytes, void *stream)
{
    (void)stream;
    ENTER("cuMemcpyHtoDAsync_v2");
    copy_in(destination, source, bytes);
    return 0;
}

CUresult cuMemcpyDtoH_v2(void *destination, CUdeviceptr source, size_t bytes)
{
    ENTER("cuMemcpyDtoH_v2");
    memcpy(destination, (const void *)(uintptr_t)source, bytes);
    return 0;
}

CUresult cuModuleLoadDataEx(void **module, const void *image, unsigned int count, int *options, void **values)
{
    (void)count; (void)options; (void)values;
    ENTER("cuModuleLoadDataEx");
    /* The real driver JIT-compiles the PTX; the fake only checks that it is PTX declaring the kernel. */
    if (!strstr((const char *)image, ".version") || !strstr((const char *)image, ".entry lg_checksum")) return 218;
    *module = (void *)0x3;
    return 0;
}

CUresult cuModuleGetFunction(void **function, void *module, const char *name)
{
    (void)module;
    ENTER("cuModuleGetFunction");
    if (strcmp(name, "lg_checksum") != 0) return 500;
    *function = (void *)0x4;
    return 0;
}

CUresult cuModuleUnload(void *module) { (void)module; ENTER("cuModuleUnload"); return 0; }

/* The kernel, on the CPU: for each 32-bit little-endian word w at index i (counted from the file's start),
 * sum += (w XOR (i × 0x9E3779B97F4A7C15)) × 0xFF51AFD7ED558CCD, all modulo 2^64. */
CUresult cuLaunchKernel(void *function, unsigned int gx, unsigned int gy, unsigned int gz, unsigned int bx,
                        unsigned int by, unsigned int bz, unsigned int shared, void *stream, void **params, void **extra)
{
    (void)function; (void)gx; (void)gy; (void)gz; (void)bx; (void)by; (void)bz; (void)shared; (void)stream; (void)extra;
    ENTER("cuLaunchKernel");
    const uint32_t *data = (const uint32_t *)(uintptr_t)*(uint64_t *)params[0];
    uint64_t words = *(uint64_t *)params[1];
    uint64_t base = *(uint64_t *)params[2];
    uint64_t *result = (uint64_t *)(uintptr_t)*(uint64_t *)params[3];
    uint64_t sum = 0;
    for (uint64_t i = 0; i < words; i++)
        sum += ((uint64_t)data[i] ^ ((i + base) * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    *result += sum;
    return 0;
}
