# Zeroes the device code of every fatbin entry not built for the one GPU architecture kept, so the library
# compresses to a size that travels; headers stay, so every offset in the file stays valid.
import struct, sys
src, dst, keep = sys.argv[1], sys.argv[2], {int(a) for a in sys.argv[3].split(',')}
data = bytearray(open(src, 'rb').read())
# find .nv_fatbin section via ELF section headers
e_shoff, = struct.unpack_from('<Q', data, 0x28)
e_shentsize, e_shnum, e_shstrndx = struct.unpack_from('<HHH', data, 0x3A)
def sh(i):
    return struct.unpack_from('<IIQQQQIIQQ', data, e_shoff + i * e_shentsize)
strtab = sh(e_shstrndx)
def name(off):
    start = strtab[4] + off
    return data[start:data.index(0, start)].decode()
sec = next(s for s in (sh(i) for i in range(e_shnum)) if name(s[0]) == '.nv_fatbin')
off, size = sec[4], sec[5]
end = off + size
pos = off
kept = zeroed = 0
archs = {}
while pos + 16 <= end:
    magic, ver, hsize, fatsize = struct.unpack_from('<IHHQ', data, pos)
    if magic != 0xBA55ED50:
        pos += 8
        continue
    epos = pos + hsize
    blob_end = epos + fatsize
    while epos < blob_end:
        kind, ever, ehsize, padded = struct.unpack_from('<HHII', data, epos)
        sm, = struct.unpack_from('<I', data, epos + 28)
        archs[(kind, sm)] = archs.get((kind, sm), 0) + padded
        payload = epos + ehsize
        if sm in keep:
            kept += padded
        else:
            data[payload:payload + padded] = bytes(padded)
            zeroed += padded
        epos = payload + padded
    pos = blob_end
open(dst, 'wb').write(data)
print('kept', kept, 'zeroed', zeroed)
for (kind, sm), n in sorted(archs.items()):
    print('kind', kind, 'sm', sm, n)
