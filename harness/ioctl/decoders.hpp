#pragma once
// Internal: the per-reply decoders behind decodeOutput's dispatch table (decode.cpp), grouped by family in
// decode_toc.cpp, decode_subchannel.cpp, decode_device.cpp and decode_mmc.cpp.
#include "harness/ioctl/decode_support.hpp"

namespace cdcts::ioctl::detail {

Decoded decodeReadToc(Bytes in, Bytes out);         // CDROM_TOC, MSF addresses
Decoded decodeGetLastSession(Bytes in, Bytes out);  // CDROM_TOC_SESSION_DATA, LBA addresses
Decoded decodeReadTocEx(Bytes in, Bytes out);       // all six formats, Msf from the input
Decoded decodeReadQChannel(Bytes in, Bytes out);    // SUB_Q_CHANNEL_DATA, format from the input

Decoded decodeDiskGeometry(Bytes in, Bytes out);
Decoded decodeDiskGeometryEx(Bytes in, Bytes out);
Decoded decodeMediaChangeCount(Bytes in, Bytes out);
Decoded decodeInquiryData(Bytes in, Bytes out);
Decoded decodeVolumeControl(Bytes in, Bytes out);
Decoded decodeExclusiveLockState(Bytes in, Bytes out);
Decoded decodeAudioControl(Bytes in, Bytes out);
Decoded decodeDiskData(Bytes in, Bytes out);
Decoded decodeRawRead(Bytes in, Bytes out);

// decode_storage.cpp: the STORAGE/DISK/SCSI replies (structures/storage.hpp).
Decoded decodeLengthInformation(Bytes in, Bytes out);
Decoded decodeStorageReadCapacity(Bytes in, Bytes out);
Decoded decodeStorageDeviceNumber(Bytes in, Bytes out);
Decoded decodeHotplugInfo(Bytes in, Bytes out);
Decoded decodeScsiAddress(Bytes in, Bytes out);
Decoded decodeMediaTypes(Bytes in, Bytes out);
Decoded decodeStorageProperty(Bytes in, Bytes out);

Decoded decodeConfiguration(Bytes in, Bytes out);
Decoded decodePerformance(Bytes in, Bytes out);

// decode_features.cpp: the data after FEATURE_HEADER of one feature descriptor (feature = the whole
// descriptor as far as it was returned), added to node field by field.
void decodeFeatureData(Decoded& node, std::uint16_t code, Bytes feature);
bool hasFeatureLayout(std::uint16_t code);

}  // namespace cdcts::ioctl::detail
