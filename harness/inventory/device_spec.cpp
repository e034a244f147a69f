#include "harness/inventory/device_spec.hpp"

namespace cdcts::inventory {

// These are the spellings devices.yaml uses for `backend:`, so messages and the file read the same.
const char* backendName(Backend backend)
{
    switch (backend) {
    case Backend::Emulated: return "emulated";
    case Backend::SgIo: return "sgio";
    case Backend::Win32: return "win32";
    }
    return "unknown";
}

}  // namespace cdcts::inventory
