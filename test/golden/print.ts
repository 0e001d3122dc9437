// Prints the golden manifest of the built CLI (or of the CLI given as the argument): see cases.ts.
import { hashes } from './cases';

console.log(JSON.stringify(await hashes(process.argv[2]), null, 2));
