// After jsii compiles lib/ into build/lib/, copy the data files the library reads at run time (the vendored Azure
// resource types), so the published package finds them next to its compiled modules.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
let copied = 0;
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const src = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(src);
    else if (/\.(json|md)$/.test(entry.name)) {
      const dest = path.join(root, 'build', path.relative(root, src));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(src, dest);
      copied++;
    }
  }
})(path.join(root, 'lib'));
console.log(`copied ${copied} data files into build/lib`);
