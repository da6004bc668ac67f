// A first check of the printer address before it is sent (the server validates again):
// tcp://host:port for network printers, a device path (/dev/usb/lp0) or a COM port.
export function printerAddressProblem(address: string): 'format' | 'port' | null {
  const a = address.trim();
  if (a === '') return null; // no printer
  const tcp = /^tcp:\/\/([^\s/:]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(a);
  if (tcp) {
    const port = Number(tcp[2]);
    return port >= 1 && port <= 65535 ? null : 'port';
  }
  if (/^\/dev\/\S+$/.test(a) || /^COM\d{1,3}$/i.test(a) || /^\\\\\.\\COM\d{1,3}$/i.test(a)) return null;
  return 'format';
}
