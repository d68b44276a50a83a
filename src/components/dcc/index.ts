export { Input } from './input.js';
